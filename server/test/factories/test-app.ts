import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { PROTOCOL_VERSION, REALTIME_NAMESPACE, type UserRole, type VisitWithLink } from '@visite/contracts';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import type { AppConfig } from '../../src/config/app-config';
import { createApp } from '../../src/create-app';
import { Db } from '../../src/database/db';
import { AuthService } from '../../src/modules/auth/auth.service';
import { UsersRepository } from '../../src/modules/auth/users.repository';
import { PracticesRepository } from '../../src/modules/practice/practices.repository';
import { PracticesService } from '../../src/modules/practice/practices.service';
import { testConfig } from './test-env';

export interface TestApp {
  app: INestApplication;
  url: string;
  config: AppConfig;
  /** A practice of its own for this app's staff (so specs never see each other's data). */
  practiceId: string;
  close(): Promise<void>;
}

/** A real Visite API listening on a free port, on the real PostgreSQL and Redis. */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const config = testConfig(overrides);
  const app = await createApp(config);
  try {
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    // A refused boot (a wrong master key) must not leave the half-started app's connections open.
    await app.close().catch(() => undefined);
    throw error;
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  const t = { app, url: `http://127.0.0.1:${port}`, config, practiceId: '', close: () => app.close() };
  t.practiceId = await createPractice(t);
  return t;
}

/** A new practice (its own staff, patients, visits), in the install's default time zone. */
export async function createPractice(t: Pick<TestApp, 'app'>, name = `Cabinet ${randomUUID().slice(0, 8)}`): Promise<string> {
  const settings = t.app.get(PracticesService).defaultSettings();
  return (await t.app.get(PracticesRepository).create({ name, settings })).id;
}

export interface Doctor {
  id: string;
  email: string;
  cookie: string;
  practiceId: string;
}

/** A doctor account with its own session cookie. */
export function createDoctor(t: TestApp, name = 'Dr Test', practiceId = t.practiceId): Promise<Doctor> {
  return createStaff(t, 'doctor', name, practiceId);
}

export const TEST_PASSWORD = 'correct horse battery';

/** A practice account of any role, signed in (an assistant assists `assists`). */
export async function createStaff(t: TestApp, role: UserRole, name: string, practiceId = t.practiceId, assists: string[] = []): Promise<Doctor> {
  const email = `${role}-${randomUUID()}@visite.test`;
  const user = await t.app.get(AuthService).createUser({ practiceId, email, password: TEST_PASSWORD, displayName: name, role });
  if (assists.length) await t.app.get(Db).transaction(() => t.app.get(UsersRepository).setAssists(user.id, assists));
  return { id: user.id, email, practiceId, cookie: await login(t, email) };
}

/** Signs in and returns the session cookie. */
export async function login(t: TestApp, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await request(t.url).post('/api/auth/login').send({ email, password }).expect(200);
  return (res.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
}

/** Letters only (names are matched on letters), different on every call. */
export function uniqueLetters(length = 8): string {
  return Array.from(randomUUID().replace(/-/g, '').slice(0, length), (c) => String.fromCharCode(97 + (parseInt(c, 16) % 26))).join('');
}

/**
 * A visit for a new patient (a different person on every call unless `patient` names one: the directory
 * reuses a patient typed again with the same names and date of birth).
 */
export async function createVisit(t: TestApp, doctor: Doctor, patient: Record<string, unknown> = {}, visit: { scheduledAt?: string } = {}): Promise<VisitWithLink & { joinToken: string }> {
  const res = await request(t.url)
    .post('/api/visits')
    .set('cookie', doctor.cookie)
    .send({ patient: { firstName: 'Jeanne', lastName: `Durand-${uniqueLetters()}`, birthDate: '1948-05-17', phone: '+33612345678', ...patient }, ...visit })
    .expect(201);
  const body = res.body as VisitWithLink;
  return { ...body, joinToken: body.joinUrl.split('/join/')[1] };
}

/** The patient accepts every text asked of them, at its version in force (video wording unless told). */
export async function giveConsent(t: TestApp, joinToken: string, options: { wording?: 'video' | 'audio'; language?: 'fr' | 'en' } = {}): Promise<void> {
  const info = await request(t.url).get(`/api/join/${joinToken}`).expect(200);
  const texts = (info.body.consent.texts as { kind: string; version: number }[]).map(({ kind, version }) => ({ kind, version }));
  await request(t.url)
    .post(`/api/join/${joinToken}/consent`)
    .send({ texts, language: options.language ?? 'fr', wording: options.wording ?? 'video' })
    .expect(200);
}

/** A realtime socket as the web client opens it. Resolves once connected, rejects with the refusal. */
export function connectRealtime(t: TestApp, opts: { cookie?: string; joinToken?: string; protocolVersion?: unknown; lang?: string }): Promise<Socket> {
  const socket = io(`${t.url}${REALTIME_NAMESPACE}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { protocolVersion: opts.protocolVersion ?? PROTOCOL_VERSION, ...(opts.joinToken ? { joinToken: opts.joinToken } : {}) },
    extraHeaders: opts.cookie ? { cookie: opts.cookie } : {},
    ...(opts.lang ? { query: { lang: opts.lang } } : {}),
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** Resolves with the next event `name` whose payload satisfies `predicate`. */
export function nextEvent<T>(socket: Socket, name: string, predicate: (payload: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(name, handler);
      reject(new Error(`no ${name} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const handler = (payload: T) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      socket.off(name, handler);
      resolve(payload);
    };
    socket.on(name, handler);
  });
}
