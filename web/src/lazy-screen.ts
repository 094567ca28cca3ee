// A screen loaded on demand (React.lazy) that can also be asked to load ahead: right after login, the
// frame and the first screen are fetched together instead of one after the other.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface LazyScreen<P> {
  Component: LazyExoticComponent<ComponentType<P>>;
  preload(): Promise<unknown>;
}

export function lazyScreen<P>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loading: Promise<{ default: ComponentType<P> }> | null = null;
  const preload = () => (loading ??= load().then((c) => ({ default: c })));
  return { Component: lazy(preload), preload };
}
