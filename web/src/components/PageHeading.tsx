import { useEffect, useRef } from 'react';

let firstPage = true;

/**
 * The page's h1. After a navigation inside the app it takes the focus (so keyboard and screen-reader users land on
 * the new page, not on the link they left), and it names the browser tab.
 */
export function PageHeading({ title, id }: { title: string; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus();
  }, []);
  useEffect(() => {
    document.title = `${title} · Quipu`;
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} id={id} className="page-title">
      {title}
    </h1>
  );
}
