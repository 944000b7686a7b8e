import { useEffect } from 'react';
import { useHostUrlCheck, useZoneNameCheck } from '../api/server-checks';
import type { HostDraft } from '../model/draft';
import { KEY } from '../model/zone-spec';
import { useServerErrors } from '../store/server-errors';
import { useWizardStore } from '../store/wizard-store';

function ZoneNameCheck() {
  const name = useWizardStore((s) => s.draft.zone.name);
  const ownId = useWizardStore((s) => s.produced[KEY.zone]?.id);
  const error = useZoneNameCheck(name, ownId, ownId === undefined);
  const set = useServerErrors((s) => s.set);
  useEffect(() => set('zone.name', error), [set, error]);
  return null;
}

function HostUrlCheck({ host }: { host: HostDraft }) {
  const ownId = useWizardStore((s) => s.produced[KEY.host(host.uid)]?.id);
  const error = useHostUrlCheck(host.url, ownId ? [ownId] : [], ownId === undefined);
  const set = useServerErrors((s) => s.set);
  useEffect(() => set(`host.${host.uid}.url`, error), [set, error, host.uid]);
  useEffect(() => () => set(`host.${host.uid}.url`, undefined), [set, host.uid]);
  return null;
}

/** Server-side checks that run while the wizard is open: zone name free, host URLs unused. */
export function ServerChecks() {
  const hosts = useWizardStore((s) => s.draft.hosts);
  return (
    <>
      <ZoneNameCheck />
      {hosts.map((h) => (
        <HostUrlCheck key={h.uid} host={h} />
      ))}
    </>
  );
}
