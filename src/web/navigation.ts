import { type Principal, can, canWorkFrontDoor } from '../domain/access/index.js';
import { canFindChildren } from '../features/search/child-visibility.js';
import { homeFor, homeLabels } from './home.js';
import { urls } from './urls.js';

export interface NavItem {
  href: string;
  text: string;
  active?: boolean;
}

/** The service navigation a user sees: only what their roles let them use. */
export function navigationFor(principal: Principal | null, currentPath: string): NavItem[] {
  if (!principal) return [];
  const items: NavItem[] = [];
  // The worktray is everyone's home page; the front door's home is its own queue ('/' goes there).
  // Others who hold no cases have their role's home at '/' (src/web/home.ts): the item is named after it.
  const home = homeFor(principal);
  const adminHome = home === 'administration';
  if (!canWorkFrontDoor(principal)) items.push({ href: '/', text: homeLabels[home] });
  if (canWorkFrontDoor(principal)) {
    items.push({ href: '/front-door', text: 'Front door' }, { href: '/contacts/new', text: 'Record a contact' });
  }
  if (canFindChildren(principal)) items.push({ href: '/search', text: 'Find a child' });
  if (can(principal, 'team.manage')) items.push({ href: '/team', text: 'Team' });
  if (can(principal, 'compliance.view')) items.push({ href: '/compliance', text: 'Compliance' });
  if (can(principal, 'indicators.view')) items.push({ href: urls.indicators.summary(), text: 'Indicators' });
  if (can(principal, 'improvement.manage')) items.push({ href: urls.improvement.plan(), text: 'Improvement plan' });
  if (can(principal, 'settings.administer') && !adminHome) items.push({ href: '/admin', text: 'Users and teams' });
  if (can(principal, 'settings.administer')) items.push({ href: '/admin/settings', text: 'Settings' });
  // Pages reached from an item (a supervision from the team worktray) keep it highlighted.
  const usersAndTeams = ['/admin/users', '/admin/teams'];
  const sections: Record<string, string[]> = { '/team': ['/team', '/supervision'], '/admin/settings': ['/admin/settings'], '/admin': usersAndTeams };
  const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`);
  return items.map((item) => ({
    ...item,
    active:
      item.href === '/'
        ? currentPath === '/' || (adminHome && (currentPath === '/admin' || usersAndTeams.some((p) => under(currentPath, p))))
        : currentPath === item.href || (sections[item.href] ?? [item.href]).some((p) => under(currentPath, p)),
  }));
}
