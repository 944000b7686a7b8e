/** The CloudStack API level Stackyard speaks, and Stackyard's own version. */
export const CLOUDSTACK_API_VERSION = '4.20.0.0';
export const STACKYARD_VERSION = '0.1.0';
