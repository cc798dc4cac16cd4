/**
 * The in-app menu bar, mirroring the desktop application menu (WAI-ARIA menubar pattern): arrow keys
 * move between menus and items, Enter/Space/ArrowDown open, Escape closes and returns focus.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { withoutAccessKey } from '../../i18n/catalogue';

export interface MenuItemDef {
  id: string;
  label: string;
  /** A shortcut shown to the right (text only: shortcuts are handled elsewhere). */
  hint?: string;
  disabled?: boolean;
  /** For checkbox/radio items. */
  checked?: boolean;
  role?: 'menuitem' | 'menuitemcheckbox' | 'menuitemradio';
  onSelect?: () => void;
  submenu?: MenuItemDef[];
  separatorBefore?: boolean;
}

export interface MenuDef {
  id: string;
  label: string;
  items: MenuItemDef[];
}

function focusables(el: HTMLElement | null): HTMLElement[] {
  if (!el) return [];
  return Array.from(el.querySelectorAll<HTMLElement>(':scope > li > [role^="menuitem"]'));
}

function SubMenu(props: {
  items: MenuItemDef[];
  label: string;
  nested?: boolean;
  onClose: (returnFocus: boolean) => void;
  /** An item was chosen: close every open menu. */
  onDone: () => void;
  onLeft?: () => void;
  onRight?: () => void;
  autoFocus: 'first' | 'last' | null;
}): ReactNode {
  const ref = useRef<HTMLUListElement>(null);
  const [openSub, setOpenSub] = useState<number | null>(null);
  const [subFocus, setSubFocus] = useState<'first' | 'last' | null>(null);

  useEffect(() => {
    if (!props.autoFocus) return;
    const items = focusables(ref.current);
    (props.autoFocus === 'first' ? items[0] : items[items.length - 1])?.focus();
  }, [props.autoFocus]);

  const move = (from: HTMLElement, delta: number) => {
    const items = focusables(ref.current);
    const i = items.indexOf(from);
    const next = items[(i + delta + items.length) % items.length];
    next?.focus();
  };

  const onKey = (e: KeyboardEvent<HTMLButtonElement>, item: MenuItemDef, index: number) => {
    const target = e.currentTarget;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        e.stopPropagation();
        move(target, 1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        e.stopPropagation();
        move(target, -1);
        break;
      case 'Home':
        e.preventDefault();
        e.stopPropagation();
        focusables(ref.current)[0]?.focus();
        break;
      case 'End': {
        e.preventDefault();
        e.stopPropagation();
        const all = focusables(ref.current);
        all[all.length - 1]?.focus();
        break;
      }
      case 'ArrowRight':
        e.preventDefault();
        e.stopPropagation();
        if (item.submenu) {
          setOpenSub(index);
          setSubFocus('first');
        } else props.onRight?.();
        break;
      case 'ArrowLeft':
        e.preventDefault();
        e.stopPropagation();
        if (props.nested) props.onClose(true);
        else props.onLeft?.();
        break;
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        props.onClose(true);
        break;
      case 'Tab':
        props.onClose(false);
        break;
      default:
    }
  };

  return (
    <ul role="menu" aria-label={props.label} className={props.nested ? 'menu submenu' : 'menu'} ref={ref}>
      {props.items.map((item, i) => (
        <li role="none" key={item.id} className={item.separatorBefore ? 'menu-sep' : undefined}>
          <button
            type="button"
            role={item.role ?? 'menuitem'}
            tabIndex={-1}
            aria-disabled={item.disabled || undefined}
            aria-checked={item.role && item.role !== 'menuitem' ? Boolean(item.checked) : undefined}
            aria-haspopup={item.submenu ? 'menu' : undefined}
            aria-expanded={item.submenu ? openSub === i : undefined}
            className="menu-item"
            onKeyDown={(e) => onKey(e, item, i)}
            onMouseEnter={() => {
              if (item.submenu) {
                setOpenSub(i);
                setSubFocus(null);
              } else setOpenSub(null);
            }}
            onClick={() => {
              if (item.disabled) return;
              // Open (never toggle: the pointer's hover may have opened it a moment ago).
              if (item.submenu) {
                setOpenSub(i);
                setSubFocus('first');
                return;
              }
              props.onDone();
              item.onSelect?.();
            }}
          >
            <span className="menu-check" aria-hidden="true">
              {item.role === 'menuitemradio'
                ? item.checked
                  ? '●'
                  : ''
                : item.role === 'menuitemcheckbox'
                  ? item.checked
                    ? '✓'
                    : ''
                  : ''}
            </span>
            <span className="menu-label">{item.label}</span>
            {item.hint ? (
              <span className="menu-hint" aria-hidden="true">
                {item.hint}
              </span>
            ) : null}
            {item.submenu ? (
              <span className="menu-arrow" aria-hidden="true">
                ▸
              </span>
            ) : null}
          </button>
          {item.submenu && openSub === i ? (
            <SubMenu
              items={item.submenu}
              label={item.label}
              nested
              autoFocus={subFocus}
              onDone={props.onDone}
              onClose={(returnFocus) => {
                setOpenSub(null);
                if (returnFocus) focusables(ref.current)[i]?.focus();
              }}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function MenuBar(props: { menus: MenuDef[] }): ReactNode {
  const { t } = useI18n();
  const [open, setOpen] = useState<number | null>(null);
  const [focusIn, setFocusIn] = useState<'first' | 'last' | null>(null);
  const [active, setActive] = useState(0);
  const barRef = useRef<HTMLUListElement>(null);
  const topButtons = () => focusables(barRef.current);

  const close = useCallback(
    (returnFocus: boolean) => {
      const was = open;
      setOpen(null);
      if (returnFocus && was !== null) focusables(barRef.current)[was]?.focus();
    },
    [open],
  );

  useEffect(() => {
    if (open === null) return;
    const onDown = (e: MouseEvent) => {
      if (barRef.current && !barRef.current.contains(e.target as Node)) setOpen(null);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const go = (i: number, openIt: boolean) => {
    const n = props.menus.length;
    const j = (i + n) % n;
    setActive(j);
    topButtons()[j]?.focus();
    if (openIt) {
      setOpen(j);
      setFocusIn('first');
    }
  };

  const onTopKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    switch (e.key) {
      case 'ArrowRight':
        e.preventDefault();
        go(i + 1, open !== null);
        break;
      case 'ArrowLeft':
        e.preventDefault();
        go(i - 1, open !== null);
        break;
      case 'ArrowDown':
      case 'Enter':
      case ' ':
        e.preventDefault();
        setOpen(i);
        setFocusIn('first');
        break;
      case 'ArrowUp':
        e.preventDefault();
        setOpen(i);
        setFocusIn('last');
        break;
      case 'Home':
        e.preventDefault();
        go(0, false);
        break;
      case 'End':
        e.preventDefault();
        go(props.menus.length - 1, false);
        break;
      case 'Escape':
        e.preventDefault();
        setOpen(null);
        break;
      default:
    }
  };

  return (
    <nav className="menubar-wrap" aria-label={t('app.menu.bar')}>
      <ul role="menubar" aria-label={t('app.menu.bar')} className="menubar" ref={barRef}>
        {props.menus.map((m, i) => (
          <li role="none" key={m.id} className="menubar-entry">
            <button
              type="button"
              role="menuitem"
              aria-haspopup="menu"
              aria-expanded={open === i}
              tabIndex={i === active ? 0 : -1}
              className="menubar-item"
              onKeyDown={(e) => onTopKey(e, i)}
              onClick={() => {
                setActive(i);
                setOpen(open === i ? null : i);
                setFocusIn(null);
              }}
              onMouseEnter={() => {
                if (open !== null && open !== i) {
                  setOpen(i);
                  setFocusIn(null);
                }
              }}
            >
              {withoutAccessKey(m.label)}
            </button>
            {open === i ? (
              <SubMenu
                items={m.items}
                label={withoutAccessKey(m.label)}
                autoFocus={focusIn}
                onClose={close}
                onDone={() => close(true)}
                onLeft={() => go(i - 1, true)}
                onRight={() => go(i + 1, true)}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </nav>
  );
}
