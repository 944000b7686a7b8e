import { invalidParameter } from '../../domain/errors';
import { message } from '../../domain/messages';
import { isDomainAdmin, isRootAdmin, type Caller } from '../caller';
import { sameIds, type OfferingResource, type OfferingScope, type ScopeDomain } from './scope';

/**
 * Who may make, change and delete offerings, as CloudStack's ConfigurationManagerImpl decides
 * (4.13 and later): root admins any offering; domain admins only offerings limited to domains
 * they administer (their own domain and its subdomains), never public ones, never the zones of
 * one, and none with storage or host tags (allow.domain.admins.to.create.tagged.offerings is
 * false by default); everyone else none. CloudStack refuses all of these with its 431
 * (InvalidParameterValueException), and so does Stackyard.
 */

/** The offering a check is about, as messages name it. */
export interface Subject {
  resource: OfferingResource;
  name: string;
}

/** Whether the caller administers the domain: its own domain or one below it. */
export const administers = (caller: Caller, domain: Pick<ScopeDomain, 'id_path'>) =>
  domain.id_path.startsWith(caller.domainIdPath);

const refuse = (code: string, m: ReturnType<typeof message>) => invalidParameter(`OFFERING.${code}`, m);

function checkDomainsAdministered(caller: Caller, subject: Subject, domains: readonly ScopeDomain[]): void {
  const foreign = domains.find((d) => !administers(caller, d));
  if (foreign) {
    throw refuse(
      'OTHER_DOMAIN',
      message('error.offering.otherDomain', { ...subject, id: foreign.uuid, caller: caller.accountName }),
    );
  }
}

/** createServiceOffering / createDiskOffering: may the caller make this offering? */
export function checkCreate(
  caller: Caller,
  subject: Subject,
  domains: readonly ScopeDomain[],
  options: { tagged: boolean; system: boolean },
): void {
  if (isRootAdmin(caller)) return;
  const who = { ...subject, caller: caller.accountName };
  if (!isDomainAdmin(caller)) throw refuse('NOT_ADMIN', message('error.offering.createNotAdmin', who));
  // Stackyard's refusal: CloudStack lets a domain admin make a system offering it cannot list.
  if (options.system) throw refuse('SYSTEM', message('error.offering.systemByDomainAdmin', who));
  if (domains.length === 0) throw refuse('PUBLIC', message('error.offering.publicByDomainAdmin', who));
  if (options.tagged) throw refuse('TAGGED', message('error.offering.taggedByDomainAdmin', who));
  checkDomainsAdministered(caller, subject, domains);
}

/**
 * updateServiceOffering / updateDiskOffering: may the caller make this change? Returns the
 * domains the offering ends up with: a domain admin keeps the domains outside its reach the
 * offering already had (it may change only where it reaches, and only the scope then).
 */
export function checkUpdate(
  caller: Caller,
  subject: Subject,
  existing: OfferingScope,
  next: OfferingScope,
  changesFields: boolean,
): ScopeDomain[] {
  if (isRootAdmin(caller)) return next.domains;
  const who = { ...subject, caller: caller.accountName };
  if (!isDomainAdmin(caller)) throw refuse('NOT_ADMIN', message('error.offering.updateNotAdmin', who));
  if (!sameIds(existing.zones, next.zones)) throw refuse('ZONES', message('error.offering.zonesByDomainAdmin', who));
  if (existing.domains.length === 0) throw refuse('PUBLIC', message('error.offering.updatePublicByDomainAdmin', who));
  if (next.domains.length === 0) throw refuse('PUBLIC', message('error.offering.makePublicByDomainAdmin', who));
  const foreign = existing.domains.filter((d) => !administers(caller, d));
  if (foreign.length > 0 && changesFields) {
    throw refuse('FOREIGN_DOMAINS', message('error.offering.foreignDomainsByDomainAdmin', who));
  }
  checkDomainsAdministered(caller, subject, next.domains);
  return [...next.domains, ...foreign.filter((f) => !next.domains.some((d) => d.id === f.id))];
}

/** deleteServiceOffering / deleteDiskOffering: may the caller delete this offering? */
export function checkDelete(caller: Caller, subject: Subject, existing: OfferingScope): void {
  if (isRootAdmin(caller)) return;
  const who = { ...subject, caller: caller.accountName };
  if (!isDomainAdmin(caller)) throw refuse('NOT_ADMIN', message('error.offering.deleteNotAdmin', who));
  if (existing.domains.length === 0) throw refuse('PUBLIC', message('error.offering.deletePublicByDomainAdmin', who));
  if (existing.domains.some((d) => !administers(caller, d))) {
    throw refuse('FOREIGN_DOMAINS', message('error.offering.deleteForeignByDomainAdmin', who));
  }
}
