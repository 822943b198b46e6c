import { type Principal, canWorkFrontDoor } from '../domain/access/index.js';

export interface NavItem {
  href: string;
  text: string;
  active?: boolean;
}

/** The service navigation a user sees: only what their roles let them use. */
export function navigationFor(principal: Principal | null, currentPath: string): NavItem[] {
  if (!principal) return [];
  const items: NavItem[] = [{ href: '/', text: 'Your children' }];
  if (canWorkFrontDoor(principal)) {
    items.push({ href: '/front-door', text: 'Front door' }, { href: '/contacts/new', text: 'Record a contact' });
  }
  return items.map((item) => ({
    ...item,
    active: item.href === '/' ? currentPath === '/' : currentPath.startsWith(item.href),
  }));
}
