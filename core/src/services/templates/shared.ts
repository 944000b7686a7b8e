import type { ExpressionBuilder } from 'kysely';
import { invalidParameter } from '../../domain/errors';
import { message } from '../../domain/messages';
import { ISO_FORMAT } from '../../domain/templates';
import type { Database, TemplateRow } from '../../db/schema';
import type { Caller } from '../caller';
import type { CoreServices } from '../core-services';

/** Templates and ISOs are one table; each command works on one kind. */
export type ImageKind = 'template' | 'iso';

/** What messages call each kind, its CloudStack event types and the resource type events name. */
export const KIND = {
  template: {
    resource: 'template',
    events: { create: 'TEMPLATE.CREATE', update: 'TEMPLATE.UPDATE', delete: 'TEMPLATE.DELETE', copy: 'TEMPLATE.COPY' },
    resourceType: 'Template',
  },
  iso: {
    resource: 'ISO',
    events: { create: 'ISO.CREATE', update: 'ISO.UPDATE', delete: 'ISO.DELETE', copy: 'ISO.COPY' },
    resourceType: 'Iso',
  },
} as const;

/** CloudStack's 431 with a TEMPLATE.* code. */
export const bad = (code: string, m: ReturnType<typeof message>) => invalidParameter(`TEMPLATE.${code}`, m);

/** A query over templates (t) and their zone rows (tz). */
export type Eb = ExpressionBuilder<Database & { tz: Database['template_zones']; t: Database['templates'] }, 'tz' | 't'>;

/** The kind of a row: ISOs have the ISO format. */
export const kindCondition = (eb: Eb, kind: ImageKind) =>
  kind === 'iso' ? eb('t.format', '=', ISO_FORMAT) : eb('t.format', '!=', ISO_FORMAT);

/** May the caller change the image: root admins any, domain admins their subtree's, users their own. */
export async function checkImageOwner(services: CoreServices, caller: Caller, row: TemplateRow): Promise<void> {
  const account = await services.store.db
    .selectFrom('accounts')
    .select(['id', 'uuid', 'domain_id'])
    .where('id', '=', row.account_id)
    .executeTakeFirstOrThrow();
  await services.access.checkAccount(caller, account);
}

/** Records an image's event for the caller. */
export async function recordImageEvent(
  services: CoreServices,
  caller: Caller,
  kind: ImageKind,
  what: 'create' | 'update' | 'delete' | 'copy',
  row: { uuid: string; name: string },
): Promise<void> {
  const done = ({ create: 'created', update: 'updated', delete: 'deleted', copy: 'copied' } as const)[what];
  await services.events.record({
    type: KIND[kind].events[what],
    message: message(`event.${kind}.${done}`, { name: row.name, id: row.uuid }),
    caller,
    resourceType: KIND[kind].resourceType,
    resourceId: row.uuid,
  });
}
