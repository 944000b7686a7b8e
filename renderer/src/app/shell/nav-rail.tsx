import { ActionIcon, NavLink, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { IconLayoutSidebarLeftCollapse, IconLayoutSidebarLeftExpand } from '@tabler/icons-react';
import { useT } from '../../lib/i18n';
import type { Area } from '../../lib/permissions';
import { href } from '../../lib/router';
import { useUiStore } from '../../lib/ui-store';
import { NAV_GROUPS } from '../routes';
import classes from './nav-rail.module.css';

/** Groups with at least one page the role may open; the rest stay hidden. */
export function NavRail({ areas, activePath, collapsed }: { areas: Area[]; activePath?: string; collapsed: boolean }) {
  const t = useT();
  const toggle = useUiStore((s) => s.toggleNav);
  return (
    <nav className={classes.rail} aria-label="main">
      <ScrollArea className={classes.scroll}>
        <Stack gap={2} p={6}>
          {NAV_GROUPS.map((group, index) => {
            const routes = group.routes.filter((r) => areas.includes(r.area));
            if (routes.length === 0) return null;
            return (
              <div key={group.titleKey ?? index} className={classes.group}>
                {group.titleKey && !collapsed && (
                  <Text
                    size="xs"
                    fw={700}
                    c="dimmed"
                    tt="uppercase"
                    px={10}
                    pt={6}
                    pb={2}
                    className={classes.groupTitle}
                  >
                    {t(group.titleKey)}
                  </Text>
                )}
                {routes.map((route) => {
                  const Icon = route.icon;
                  const link = (
                    <NavLink
                      key={route.path}
                      href={href(route.path)}
                      label={collapsed ? undefined : t(route.titleKey)}
                      aria-label={t(route.titleKey)}
                      leftSection={<Icon size={17} stroke={1.6} />}
                      active={activePath === route.path}
                      className={classes.link}
                      data-testid={`nav-${route.area}`}
                    />
                  );
                  return collapsed ? (
                    <Tooltip key={route.path} label={t(route.titleKey)} position="right">
                      {link}
                    </Tooltip>
                  ) : (
                    link
                  );
                })}
              </div>
            );
          })}
        </Stack>
      </ScrollArea>
      <div className={classes.footer}>
        <Tooltip label={collapsed ? t('nav.expand') : t('nav.collapse')} position="right">
          <ActionIcon onClick={toggle} aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}>
            {collapsed ? <IconLayoutSidebarLeftExpand size={17} /> : <IconLayoutSidebarLeftCollapse size={17} />}
          </ActionIcon>
        </Tooltip>
      </div>
    </nav>
  );
}
