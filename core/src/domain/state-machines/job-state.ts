import { JOB_STATUS, type JobStatus } from '../../contract/states';
import { StateMachine } from '../state-machine';

/**
 * An async job's life. queryAsyncJobResult reports Queued and Running both as jobstatus 0
 * (pending); Succeeded is 1 and Failed 2. Running is a claimed job (owner_server and started
 * set); a job whose server stops is released to Queued again when its command is resumable,
 * and failed otherwise.
 */
export const JOB_STATES = ['Queued', 'Running', 'Succeeded', 'Failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const JOB_EVENTS = ['Claim', 'Complete', 'Fail', 'Release', 'Abandon'] as const;
export type JobEvent = (typeof JOB_EVENTS)[number];

export const jobState = new StateMachine<JobState, JobEvent>({
  name: 'Async job state',
  code: 'JOB',
  description:
    'An async job from submission to its result. jobstatus on the wire: Queued and Running are 0, Succeeded 1, Failed 2.',
  states: JOB_STATES,
  events: JOB_EVENTS,
  transitions: [
    {
      from: ['Queued'],
      event: 'Claim',
      to: 'Running',
      when: 'a server claims it (no earlier job with its sync key is pending)',
    },
    { from: ['Running'], event: 'Complete', to: 'Succeeded', when: 'the command returned' },
    { from: ['Running'], event: 'Fail', to: 'Failed', when: 'the command threw (its errorcode and errortext kept)' },
    {
      from: ['Running'],
      event: 'Release',
      to: 'Queued',
      when: 'its server stopped and the command is resumable: it runs again',
    },
    {
      from: ['Running'],
      event: 'Abandon',
      to: 'Failed',
      when: 'its server stopped and the command is not resumable',
    },
  ],
});

/** queryAsyncJobResult's jobstatus for each state: Queued and Running are both pending (0). */
export const JOB_WIRE_STATUS: Readonly<Record<JobState, JobStatus>> = {
  Queued: JOB_STATUS.Pending,
  Running: JOB_STATUS.Pending,
  Succeeded: JOB_STATUS.Succeeded,
  Failed: JOB_STATUS.Failed,
};

/** A stored job's state: its jobstatus, and for pending jobs whether a server has claimed it. */
export function jobStateOf(job: { status: number; started: string | null }): JobState {
  if (job.status === JOB_STATUS.Succeeded) return 'Succeeded';
  if (job.status === JOB_STATUS.Failed) return 'Failed';
  return job.started === null ? 'Queued' : 'Running';
}
