import { HOST_STATUSES, type HostStatus } from '../../contract/states';
import { StateMachine } from '../state-machine';

export const HOST_STATUS_EVENTS = ['Connect', 'Connected', 'ConnectFailed', 'PingAnswered', 'PingTimeout'] as const;
export type HostStatusEvent = (typeof HOST_STATUS_EVENTS)[number];

const SILENT = 'silent for ping.interval × ping.timeout seconds';

/**
 * A host's connection status (CloudStack's Status and its state machine in Status.java): added
 * and reconnected hosts connect; heartbeats keep them Up; a host that stops answering goes
 * Disconnected, then Alert, then Down (which raises a host alert), one window at a time; any
 * answer brings it back Up.
 */
export const hostStatus = new StateMachine<HostStatus, HostStatusEvent>({
  name: 'Host status',
  code: 'HOST',
  description:
    "A host's connection to the management server (CloudStack's Status). The host monitor pings every ping.interval seconds.",
  states: HOST_STATUSES,
  events: HOST_STATUS_EVENTS,
  transitions: [
    {
      from: ['Creating', 'Connecting', 'Up', 'Disconnected', 'Alert', 'Down', 'Error'],
      event: 'Connect',
      to: 'Connecting',
      when: 'reconnectHost starts (or its interrupted job runs again)',
    },
    { from: ['Creating', 'Connecting'], event: 'Connected', to: 'Up', when: 'the hypervisor answered the connection' },
    {
      from: ['Connecting'],
      event: 'ConnectFailed',
      to: 'Disconnected',
      when: 'the hypervisor did not answer the connection',
    },
    {
      from: ['Connecting', 'Disconnected', 'Alert', 'Down'],
      event: 'PingAnswered',
      to: 'Up',
      when: 'a heartbeat was answered (the host alert is archived)',
    },
    {
      from: ['Up', 'Connecting'],
      event: 'PingTimeout',
      to: 'Disconnected',
      when: `${SILENT} since the last answer (raises an ALERT_TYPE_HOST alert)`,
    },
    {
      from: ['Disconnected'],
      event: 'PingTimeout',
      to: 'Alert',
      when: `${SILENT} since the last change (the host alert says so)`,
    },
    {
      from: ['Alert'],
      event: 'PingTimeout',
      to: 'Down',
      when: `${SILENT} since the last change (the host alert says so)`,
    },
  ],
});
