/** Every page of the navigation, as an admin sees it, with a short name for its screenshots. */
export const EVERY_PAGE = [
  ['/dashboard', 'dashboard'],
  ['/infrastructure', 'diagram'],
  ['/zones', 'zones'],
  ['/pods', 'pods'],
  ['/clusters', 'clusters'],
  ['/hosts', 'hosts'],
  ['/primary-storage', 'primary-storage'],
  ['/secondary-storage', 'secondary-storage'],
  ['/alerts', 'alerts'],
  ['/zones/new', 'zone-wizard'],
  ['/offerings', 'offerings'],
  ['/domains', 'domains'],
  ['/accounts', 'accounts'],
  ['/users', 'users'],
  ['/roles', 'roles'],
  ['/events', 'events'],
  ['/settings', 'settings'],
] as const;

/** The languages and colour schemes every page is checked in: each language in each scheme. */
export const EVERY_LOOK = [
  { locale: 'en', scheme: 'light' },
  { locale: 'ko', scheme: 'dark' },
  { locale: 'en', scheme: 'dark' },
  { locale: 'ko', scheme: 'light' },
] as const;
