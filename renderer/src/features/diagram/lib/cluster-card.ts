import type { TopologyCluster, TopologyProblemHost } from '../../../lib/contract';
import { stateStyle } from '../../../lib/states';
import { hostDisplayState, type StateSegment, type Usage } from './metrics';

/**
 * What a cluster card shows when the diagram is zoomed out: the cluster's name and host count, its
 * hosts that need attention counted by state (in the state colours), those hosts by name (worst
 * first) so that a Down host is never hidden in a collapsed cluster, and its CPU and memory use.
 */

/** A host that needs attention, as a card lists it. */
export interface ProblemHost {
  id: string;
  name: string;
  /** The state shown (a maintenance resource state wins, as on a host tile). */
  state: string;
  color: string;
}

export interface ClusterCardContent {
  /** Host states other than Up, worst first: "2 Down · 1 Alert". */
  problems: StateSegment[];
  /** Hosts needing attention, by name, worst first (at most CARD_PROBLEM_HOSTS). */
  problemHosts: ProblemHost[];
  /** All hosts needing attention (problemHosts may name fewer). */
  problemTotal: number;
}

/** A card names at most this many problem hosts; the rest is "+N more". */
export const CARD_PROBLEM_HOSTS = 8;

/** Worst first: red, then amber, violet (maintenance), blue (in progress), grey. */
const SEVERITY = ['red', 'yellow', 'violet', 'blue', 'gray'];
const severity = (color: string) => {
  const i = SEVERITY.indexOf(color);
  return i === -1 ? SEVERITY.length : i;
};

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Needs attention: shown as anything but Up (a Disabled host is the operator's choice, not a problem). */
function problemOf(host: Pick<TopologyProblemHost, 'id' | 'name' | 'state' | 'resourcestate'>): ProblemHost | null {
  const state = hostDisplayState(host);
  const lower = (state ?? '').toLowerCase();
  if (lower === 'up' || lower === 'disabled') return null;
  return { id: host.id, name: host.name, state, color: stateStyle(state).color };
}

export function clusterCardContent(cluster: TopologyCluster, segments: StateSegment[]): ClusterCardContent {
  const problems = segments
    .filter((s) => s.state !== 'Up')
    .sort((a, b) => severity(a.color) - severity(b.color) || b.count - a.count);
  const source = cluster.hosts ?? cluster.problemhosts ?? [];
  const problemHosts = source
    .map(problemOf)
    .filter((h): h is ProblemHost => h !== null)
    .sort((a, b) => severity(a.color) - severity(b.color) || collator.compare(a.name, b.name))
    .slice(0, CARD_PROBLEM_HOSTS);
  const counted = problems.reduce((sum, s) => sum + s.count, 0);
  return { problems, problemHosts, problemTotal: Math.max(counted, problemHosts.length) };
}

/** The colour a card is edged with: its worst host state, or the cluster's own when all are Up. */
export function cardColor(content: ClusterCardContent, clusterColor: string): string {
  return content.problems[0]?.color ?? clusterColor;
}

/** The rows a card of `rows` rows of text shows, in the order they are given room. */
export interface CardRows {
  /** Name and host count. */
  title: boolean;
  /** "2 Down · 1 Alert" (or "All Up"). */
  counts: boolean;
  /** Problem hosts named, one per row. */
  hosts: number;
  /** "+N more" after the named hosts. */
  more: number;
  /** CPU and memory bars. */
  usage: number;
}

/**
 * What fits a card of `rows` rows: the title first, then the counts, then the problem hosts (a row
 * kept for "+N more" when not all fit), then CPU and memory. Nothing that does not fit is drawn.
 */
export function cardRows(rows: number, content: ClusterCardContent, usage: { cpu?: Usage; memory?: Usage }): CardRows {
  let left = rows;
  const take = (n: number) => {
    const got = Math.max(0, Math.min(n, left));
    left -= got;
    return got;
  };
  const title = take(1) === 1;
  const counts = take(1) === 1;
  const named = content.problemHosts.length;
  let hosts = 0;
  let more = 0;
  if (content.problemTotal > 0 && left > 0) {
    if (left >= named && content.problemTotal === named) {
      hosts = take(named);
    } else {
      // Keep the last row for "+N more".
      hosts = take(Math.min(named, left - 1));
      more = content.problemTotal - hosts;
      take(1);
    }
  }
  const usageRows = take([usage.cpu, usage.memory].filter(Boolean).length);
  return { title, counts, hosts, more, usage: usageRows };
}
