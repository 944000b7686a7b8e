import type { Expression, SqlBool } from 'kysely';
import type { TemplateFilter } from '../../domain/templates';
import { equalsIgnoreCase, ilike } from '../../db/query-helpers';
import type { ListIsosInput, ListTemplatesInput } from '../../api/schemas/templates';
import type { OwnerScope } from '../access';
import { isRootAdmin, type Caller } from '../caller';
import { keywordPattern } from '../tenancy/shared';
import { kindCondition, type Eb, type ImageKind } from './shared';

export interface TemplateListQuery {
  caller: Caller;
  kind: ImageKind;
  input: ListTemplatesInput | ListIsosInput;
  filter: TemplateFilter;
  /** Whose templates "self" means (the owned-list scope of account, domainid, listall). */
  scope: OwnerScope;
  zoneId?: number;
  iso?: Pick<ListIsosInput, 'bootable' | 'ispublic' | 'isready'>;
}

/**
 * The condition of listTemplates / listIsos on templates (t) and their zone rows (tz): the
 * templatefilter's rules as CloudStack's QueryManagerImpl applies them (see the list commands'
 * description), then the plain filters. "Ready" is per zone: a row lists as executable only in
 * the zones where its download is complete.
 */
export function templateListFilter(query: TemplateListQuery): (eb: Eb) => Expression<SqlBool> {
  const { caller, kind, filter, scope } = query;
  const root = isRootAdmin(caller);
  const subtree = caller.roleType === 'DomainAdmin' ? caller.domainIdPath : undefined;
  const pattern = keywordPattern(query.input.keyword);
  return (eb: Eb): Expression<SqlBool> => {
    const own = (): Expression<SqlBool> => {
      switch (scope.kind) {
        case 'all':
          return eb.lit(true) as unknown as Expression<SqlBool>;
        case 'account':
          return eb('t.account_id', '=', scope.accountId);
        case 'domain':
          return scope.recursive
            ? eb.exists(
                eb
                  .selectFrom('domains as od')
                  .select('od.id')
                  .whereRef('od.id', '=', 't.domain_id')
                  .where('od.id_path', 'like', `${scope.idPath}%`),
              )
            : eb('t.domain_id', '=', scope.domainId);
      }
    };
    const shared = () =>
      eb.exists(
        eb
          .selectFrom('template_permissions as tp')
          .select('tp.template_id')
          .whereRef('tp.template_id', '=', 't.id')
          .where('tp.account_id', '=', caller.accountId),
      );
    const inSubtree = (path: string) =>
      eb.exists(
        eb
          .selectFrom('domains as sd')
          .select('sd.id')
          .whereRef('sd.id', '=', 't.domain_id')
          .where('sd.id_path', 'like', `${path}%`),
      );
    const ready = eb('tz.download_state', '=', 'DOWNLOADED');
    const c: Expression<SqlBool>[] = [eb('t.removed', 'is', null), kindCondition(eb, kind)];
    switch (filter) {
      case 'featured':
        c.push(eb('t.is_public', '=', 1), eb('t.featured', '=', 1));
        break;
      case 'community':
        c.push(eb('t.is_public', '=', 1), eb('t.featured', '=', 0));
        break;
      case 'self':
        c.push(own());
        break;
      case 'selfexecutable':
        c.push(own(), ready);
        break;
      case 'sharedexecutable':
        c.push(shared(), ready);
        break;
      case 'executable':
        if (!root) {
          const usable = [eb('t.is_public', '=', 1), eb('t.account_id', '=', caller.accountId), shared()];
          if (subtree) usable.push(inSubtree(subtree));
          c.push(eb.or(usable));
        }
        c.push(ready);
        break;
      case 'all':
        break;
    }
    c.push(...plainFilters(eb, query, pattern, ready));
    return eb.and(c);
  };
}

/** The filters that are not about permissions: id(s), name, keyword, zone, hypervisor, ISO flags. */
function plainFilters(
  eb: Eb,
  { input, zoneId, iso }: TemplateListQuery,
  pattern: string | undefined,
  ready: Expression<SqlBool>,
): Expression<SqlBool>[] {
  const c: Expression<SqlBool>[] = [];
  if (input.id) c.push(eb('t.uuid', '=', input.id));
  if (input.ids)
    c.push(input.ids.length === 0 ? (eb.lit(false) as unknown as Expression<SqlBool>) : eb('t.uuid', 'in', input.ids));
  if (input.name) c.push(equalsIgnoreCase('t.name', input.name));
  if (pattern) c.push(eb.or([ilike('t.name', pattern), ilike('t.display_text', pattern)]));
  if (zoneId !== undefined) c.push(eb('tz.zone_id', '=', zoneId));
  if (input.hypervisor) c.push(equalsIgnoreCase('t.hypervisor', input.hypervisor));
  if (iso?.bootable !== undefined) c.push(eb('t.bootable', '=', iso.bootable ? 1 : 0));
  if (iso?.ispublic !== undefined) c.push(eb('t.is_public', '=', iso.ispublic ? 1 : 0));
  if (iso?.isready !== undefined) c.push(iso.isready ? ready : eb('tz.download_state', '!=', 'DOWNLOADED'));
  return c;
}
