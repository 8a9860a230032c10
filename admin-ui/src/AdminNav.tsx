// The admin site's navigation: the overview, then the pages in groups ("Forms and processes", "Log and
// settings", and a group per module unless its page names one). A plain two-level list — every link is always
// there and reached with Tab, no menu to open — shown as a left column on wide screens, so it never wraps as
// modules add pages (test/browser/admin-nav.test.ts).
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

export interface NavEntry {
  path: string;
  titleKey: string;
  /** A platform group (`processes`, `administration`) or a module's own; none: on the top level. */
  group?: string;
  /** The group's title key when the group is a module's own (`<module>:nav.group`). */
  groupTitleKey?: string;
  /** A page of the server's, not of this app (the API reference): a plain link. */
  external?: boolean;
}

const PLATFORM_GROUPS = ['processes', 'administration'];

interface Group {
  key: string;
  titleKey: string;
  entries: NavEntry[];
}

/** Entries in their groups, in the order given; the platform's groups first, then the modules'. */
function grouped(entries: readonly NavEntry[]): (NavEntry | Group)[] {
  const groups = new Map<string, Group>(PLATFORM_GROUPS.map((key) => [key, { key, titleKey: `nav.groups.${key}`, entries: [] }]));
  const top: (NavEntry | Group)[] = [];
  for (const e of entries) {
    if (!e.group) {
      top.push(e);
      continue;
    }
    let group = groups.get(e.group);
    if (!group) groups.set(e.group, (group = { key: e.group, titleKey: e.groupTitleKey ?? e.group, entries: [] }));
    group.entries.push(e);
  }
  return [...top, ...[...groups.values()].filter((g) => g.entries.length)];
}

function EntryLink({ entry }: { entry: NavEntry }) {
  const { t } = useTranslation();
  return entry.external ? (
    <a href={entry.path}>{t(entry.titleKey)}</a>
  ) : (
    <NavLink to={entry.path} end>
      {t(entry.titleKey)}
    </NavLink>
  );
}

export function AdminNav({ entries }: { entries: readonly NavEntry[] }) {
  const { t } = useTranslation();
  return (
    <nav className="admin-nav" aria-label={t('nav.label')}>
      <ul className="admin-nav-top">
        {grouped(entries).map((item) =>
          'entries' in item ? (
            <li key={`group-${item.key}`} className="admin-nav-group">
              <span id={`nav-group-${item.key}`} className="admin-nav-group-title">
                {t(item.titleKey, { defaultValue: item.key })}
              </span>
              <ul aria-labelledby={`nav-group-${item.key}`}>
                {item.entries.map((e) => (
                  <li key={e.path}>
                    <EntryLink entry={e} />
                  </li>
                ))}
              </ul>
            </li>
          ) : (
            <li key={item.path}>
              <EntryLink entry={item} />
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}
