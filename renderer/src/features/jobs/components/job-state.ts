import type { MessageKey } from '../../../lib/i18n';
import type { JobState } from '../../../lib/jobs';
import { stateStyle } from '../../../lib/states';

export const STATE_LABEL: Record<JobState, MessageKey> = {
  running: 'jobs.status.running',
  done: 'jobs.status.done',
  failed: 'jobs.status.failed',
};

export const STATE_COLOR: Record<JobState, string> = {
  running: stateStyle('starting').color,
  done: stateStyle('running').color,
  failed: stateStyle('error').color,
};
