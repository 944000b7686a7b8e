import type { Translate } from '../../../lib/i18n';
import { en } from '../../../lib/locales/en';
import type { MessageKey } from '../../../lib/i18n';

/** What the name and description of a role show: built-in roles translated, others as typed. */
export function roleText(
  t: Translate,
  role: { name?: string; description?: string; isdefault?: boolean },
): { name: string; description: string } {
  const name = role.name ?? '';
  const description = role.description ?? '';
  const base = `roles.builtin.${name}`;
  if (!role.isdefault || !(`${base}.name` in en)) return { name, description };
  const stock = en[`${base}.description` as MessageKey];
  return {
    name: t(`${base}.name` as MessageKey),
    // A built-in role keeps the core's description; a changed one shows as stored.
    description: description === stock ? t(`${base}.description` as MessageKey) : description,
  };
}

/** A rule's description: the core's rule of the root admin role translated, others as typed. */
export function ruleDescription(t: Translate, description: string | undefined): string {
  return description === en['roles.builtin.rule.rootAdminAll']
    ? t('roles.builtin.rule.rootAdminAll')
    : (description ?? '');
}
