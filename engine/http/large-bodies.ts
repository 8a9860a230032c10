// The few API routes whose JSON bodies may exceed the usual limit (Module.largeBodies: a file sent
// as base64 in the body), each parsed with its own limit; every other body keeps the small one.
import express, { type Request, type RequestHandler } from 'express';
import { match } from 'path-to-regexp';
import type { Module } from '../modules/module';

export function largeBodyParsers(modules: readonly Module[]): (req: Request) => RequestHandler | undefined {
  const entries = modules.flatMap((m) => m.largeBodies ?? []).map((b) => ({ method: b.method, matches: match(b.path), parser: express.json({ limit: b.limit }) }));
  return (req) => {
    if (!entries.length) return undefined;
    // Mounted under /api: req.path is relative to it.
    try {
      return entries.find((e) => e.method === req.method && e.matches(req.path) !== false)?.parser;
    } catch {
      return undefined; // a path whose percent-encoding does not decode names no route
    }
  };
}
