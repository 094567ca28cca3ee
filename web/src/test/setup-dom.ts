// What antd needs from a browser that jsdom lacks: matchMedia, ResizeObserver, scrollTo.
import { vi } from 'vitest';

export function setupDom(): void {
  if (!window.matchMedia)
    Object.defineProperty(window, 'matchMedia', {
      writable: true,
      value: vi.fn().mockImplementation((query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addListener: vi.fn(),
        removeListener: vi.fn(),
        addEventListener: vi.fn(),
        removeEventListener: vi.fn(),
        dispatchEvent: vi.fn(),
      })),
    });
  if (!('ResizeObserver' in window))
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  window.scrollTo = () => undefined;
  // antd asks for pseudo-element styles (scrollbar sizes); jsdom logs "not implemented" for those, so ask without
  const gcs = window.getComputedStyle.bind(window);
  window.getComputedStyle = (el: Element) => gcs(el);
}
