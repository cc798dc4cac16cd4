/**
 * A modal dialog on the native <dialog> element: focus is trapped and the page behind is inert
 * while it is open; Escape closes it unless `dismissable` is false (the hand-over curtain).
 */
import { useEffect, useRef, type ReactNode } from 'react';

export function Modal(props: {
  open: boolean;
  labelledBy: string;
  describedBy?: string;
  onClose?: () => void;
  dismissable?: boolean;
  className?: string;
  children?: ReactNode;
}): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  const { open } = props;
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    else if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={props.className ? `modal ${props.className}` : 'modal'}
      aria-labelledby={props.labelledBy}
      aria-describedby={props.describedBy}
      onCancel={(e) => {
        e.preventDefault();
        if (props.dismissable !== false) props.onClose?.();
      }}
    >
      {open ? props.children : null}
    </dialog>
  );
}
