import type { ServiceContext } from './context';

/** One area of the API (members, loyalty, devices): its methods and, if it holds resources, a close. */
export interface ApiArea<M> {
  methods: M;
  close?: () => void | Promise<void>;
}

export type AreaFactory<M> = (ctx: ServiceContext) => ApiArea<M>;
