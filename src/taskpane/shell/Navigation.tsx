/**
 * The views as one row of tabs that never wraps: what does not fit the pane's width goes into the menu
 * „Mehr“ (…) at the row's end — Fluent 2's overflow pattern for a tab list (`Overflow` + `OverflowItem` + a
 * menu button with the role of a tab). The selected view has the highest priority, so it stays in the row.
 * Chosen over fewer, grouped views: the views stay one click away by their own name, and a view added
 * later (the list editors) needs no regrouping. At 320 px three views fit beside the menu.
 */
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
import type { ReactElement } from "react";

export interface NavView<V extends string> {
  value: V;
  label: string;
}

const useStyles = makeStyles({
  list: { minWidth: 0, overflow: "hidden" },
  more: { minWidth: "32px", flexShrink: 0 },
});

function MenuEntry<V extends string>({ view, onSelect }: { view: NavView<V>; onSelect(v: V): void }) {
  const visible = useIsOverflowItemVisible(view.value);
  if (visible) return null;
  return <MenuItem onClick={() => onSelect(view.value)}>{view.label}</MenuItem>;
}

function MoreMenu<V extends string>({ views, onSelect }: { views: NavView<V>[]; onSelect(v: V): void }) {
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          ref={ref}
          appearance="transparent"
          size="small"
          className={styles.more}
          role="tab"
          aria-selected={false}
          aria-label={`Mehr: ${overflowCount} weitere ${overflowCount === 1 ? "Ansicht" : "Ansichten"}`}
          title="Mehr"
          icon={<MoreHorizontalRegular />}
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {views.map((v) => (
            <MenuEntry key={v.value} view={v} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

export function Navigation<V extends string>({
  views,
  selected,
  onSelect,
}: {
  views: NavView<V>[];
  selected: V;
  onSelect(view: V): void;
}): ReactElement {
  const styles = useStyles();
  return (
    <Overflow minimumVisible={2}>
      <TabList
        className={styles.list}
        size="small"
        selectedValue={selected}
        onTabSelect={(_, data) => onSelect(data.value as V)}
        aria-label="Ansichten"
      >
        {views.map((v) => (
          <OverflowItem key={v.value} id={v.value} priority={v.value === selected ? 2 : 1}>
            <Tab value={v.value}>{v.label}</Tab>
          </OverflowItem>
        ))}
        <MoreMenu views={views} onSelect={onSelect} />
      </TabList>
    </Overflow>
  );
}
