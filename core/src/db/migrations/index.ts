import type { Kysely } from 'kysely';
import type { MigrationDialect } from './helpers';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-infrastructure';
import * as m0003 from './0003-login-and-signatures';
import * as m0004 from './0004-import-journal';
import * as m0005 from './0005-cluster-identity';
import * as m0006 from './0006-management-servers';
import * as m0007 from './0007-list-indexes';
import * as m0008 from './0008-write-log';
import * as m0009 from './0009-job-list-indexes';
import * as m0010 from './0010-search-indexes';
import * as m0011 from './0011-host-health-index';
import * as m0012 from './0012-sort-indexes';
import * as m0013 from './0013-scoped-settings';
import * as m0014 from './0014-event-context';
import * as m0015 from './0015-message-keys';
import * as m0016 from './0016-host-stats-history';
import * as m0017 from './0017-host-stats-hourly';
import * as m0018 from './0018-offerings';
import * as m0019 from './0019-network-offerings';
import * as m0020 from './0020-templates';

export interface Migration {
  name: string;
  up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void>;
}

/** Every migration, in order. Later issues append; a landed migration is never edited. */
export const MIGRATIONS: Migration[] = [
  { name: '0001-foundation', up: m0001.up },
  { name: '0002-infrastructure', up: m0002.up },
  { name: '0003-login-and-signatures', up: m0003.up },
  { name: '0004-import-journal', up: m0004.up },
  { name: '0005-cluster-identity', up: m0005.up },
  { name: '0006-management-servers', up: m0006.up },
  { name: '0007-list-indexes', up: m0007.up },
  { name: '0008-write-log', up: m0008.up },
  { name: '0009-job-list-indexes', up: m0009.up },
  { name: '0010-search-indexes', up: m0010.up },
  { name: '0011-host-health-index', up: m0011.up },
  { name: '0012-sort-indexes', up: m0012.up },
  { name: '0013-scoped-settings', up: m0013.up },
  { name: '0014-event-context', up: m0014.up },
  { name: '0015-message-keys', up: m0015.up },
  { name: '0016-host-stats-history', up: m0016.up },
  { name: '0017-host-stats-hourly', up: m0017.up },
  { name: '0018-offerings', up: m0018.up },
  { name: '0019-network-offerings', up: m0019.up },
  { name: '0020-templates', up: m0020.up },
];
