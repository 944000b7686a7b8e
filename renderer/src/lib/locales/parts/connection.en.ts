/** English messages of the connection state: the top bar's chip, the lost-server banner, page loading. */
export const connectionEn = {
  'connection.state.connected': 'Connected; live updates on',
  'connection.state.connecting': 'Connecting…',
  'connection.state.lost': 'Server unreachable',
  'connection.lost': 'Lost connection to {server}, retrying; data as of {time}',
  'connection.lostNoTime': 'Lost connection to {server}, retrying',
  'connection.profile': 'Connected to {server}',
  'connection.pageUnavailable': 'This page could not be downloaded',
  'connection.pageUnavailableHint':
    'The connection to {server} may be down. The page loads as soon as it can be reached.',
  'connection.pageRetry': 'Try again',
} as const;
