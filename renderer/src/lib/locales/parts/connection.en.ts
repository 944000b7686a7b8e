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
    'The connection to {server} may be down. Try again; after an outage the page loads by itself once the server is back.',
  'connection.pageRetry': 'Try again',
} as const;
