import { permissionDenied } from '../../domain/errors';
import { message } from '../../domain/messages';
import { ISO_FORMAT } from '../../domain/templates';
import type { TemplateRow } from '../../db/schema';
import type { TemplatePermissions, UpdateTemplatePermissionsInput } from '../../api/schemas/templates';
import { isRootAdmin, type Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { bad, checkImageOwner, recordImageEvent, type ImageKind } from './shared';

/**
 * Template permissions (CloudStack's launch permissions): a private template shared with accounts
 * of its own domain lists for them as sharedexecutable and executable.
 */

/** The operator of a change (add, remove, reset), or 431 when the change says nothing or mixes them up. */
function permissionOp(input: UpdateTemplatePermissionsInput): 'add' | 'remove' | 'reset' | undefined {
  const op = input.op?.toLowerCase();
  if (
    input.accounts === undefined &&
    op === undefined &&
    input.ispublic === undefined &&
    input.isfeatured === undefined &&
    input.isextractable === undefined
  ) {
    throw bad('NOTHING', message('error.template.nothingToChange', {}));
  }
  if (input.accounts !== undefined && op !== 'add' && op !== 'remove') {
    throw bad('OP', message('error.template.badPermissionOp', { value: input.op ?? '' }));
  }
  if (op !== undefined && op !== 'add' && op !== 'remove' && op !== 'reset') {
    throw bad('OP', message('error.template.badPermissionOp', { value: input.op ?? '' }));
  }
  return op as 'add' | 'remove' | 'reset' | undefined;
}

/** The accounts named by `accounts`, all of the template's domain (431 naming the first one missing). */
async function accountsOf(services: CoreServices, row: TemplateRow, names: string[] | undefined) {
  const db = services.store.db;
  const accounts =
    names === undefined || names.length === 0
      ? []
      : await db
          .selectFrom('accounts')
          .select(['id', 'name'])
          .where('domain_id', '=', row.domain_id)
          .where('name', 'in', names)
          .where('removed', 'is', null)
          .execute();
  const missing = (names ?? []).find((n) => !accounts.some((a) => a.name === n));
  if (missing !== undefined)
    throw bad('ACCOUNT', message('error.template.permissionAccountNotFound', { account: missing }));
  return accounts;
}

/** updateTemplatePermissions: public, featured (root admins), extractable, and the accounts it is shared with. */
export async function updateTemplatePermissions(
  services: CoreServices,
  caller: Caller,
  input: UpdateTemplatePermissionsInput,
): Promise<void> {
  const db = services.store.db;
  const row = await db
    .selectFrom('templates')
    .selectAll()
    .where('uuid', '=', input.id)
    .where('removed', 'is', null)
    .executeTakeFirst();
  if (!row) throw bad('NOT_FOUND', message('error.template.notFound', { resource: 'template', id: input.id }));
  const kind: ImageKind = row.format === ISO_FORMAT ? 'iso' : 'template';
  await checkImageOwner(services, caller, row);
  if (input.isfeatured !== undefined && !isRootAdmin(caller)) {
    throw permissionDenied(
      'TEMPLATE.FEATURED',
      message('error.template.featuredNotRoot', { caller: caller.accountName }),
    );
  }
  const op = permissionOp(input);
  const accounts = await accountsOf(services, row, input.accounts);
  const fields: Partial<TemplateRow> = {};
  if (input.ispublic !== undefined) fields.is_public = input.ispublic ? 1 : 0;
  if (input.isfeatured !== undefined) fields.featured = input.isfeatured ? 1 : 0;
  if (input.isextractable !== undefined) fields.extractable = input.isextractable ? 1 : 0;
  await db.transaction().execute(async (trx) => {
    if (Object.keys(fields).length > 0)
      await trx.updateTable('templates').set(fields).where('id', '=', row.id).execute();
    if (op === 'reset') await trx.deleteFrom('template_permissions').where('template_id', '=', row.id).execute();
    if (op === 'remove' && accounts.length > 0) {
      await trx
        .deleteFrom('template_permissions')
        .where('template_id', '=', row.id)
        .where(
          'account_id',
          'in',
          accounts.map((a) => a.id),
        )
        .execute();
    }
    if (op === 'add') {
      const present = new Set(
        (
          await trx.selectFrom('template_permissions').select('account_id').where('template_id', '=', row.id).execute()
        ).map((r) => r.account_id),
      );
      const fresh = accounts.filter((a) => !present.has(a.id)).map((a) => ({ template_id: row.id, account_id: a.id }));
      if (fresh.length > 0) await trx.insertInto('template_permissions').values(fresh).execute();
    }
  });
  await recordImageEvent(services, caller, kind, 'update', row);
}

/** listTemplatePermissions: whether it is public, its domain, and the accounts it is shared with. */
export async function listTemplatePermissions(
  services: CoreServices,
  caller: Caller,
  uuid: string,
): Promise<TemplatePermissions> {
  const db = services.store.db;
  const row = await db
    .selectFrom('templates')
    .innerJoin('domains', 'domains.id', 'templates.domain_id')
    .select([
      'templates.id',
      'templates.uuid',
      'templates.is_public',
      'templates.account_id',
      'domains.uuid as domain_uuid',
    ])
    .where('templates.uuid', '=', uuid)
    .where('templates.removed', 'is', null)
    .executeTakeFirst();
  if (!row) throw bad('NOT_FOUND', message('error.template.notFound', { resource: 'template', id: uuid }));
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'uuid', 'domain_id'])
    .where('id', '=', row.account_id)
    .executeTakeFirstOrThrow();
  await services.access.checkAccount(caller, account);
  const shared = await db
    .selectFrom('template_permissions')
    .innerJoin('accounts', 'accounts.id', 'template_permissions.account_id')
    .select('accounts.name')
    .where('template_permissions.template_id', '=', row.id)
    .orderBy('accounts.name')
    .execute();
  return {
    id: row.uuid,
    ispublic: row.is_public === 1,
    domainid: row.domain_uuid,
    account: shared.map((s) => s.name),
  };
}
