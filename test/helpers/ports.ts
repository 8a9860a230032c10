// The tests' free ports: the same as the dev scripts' (engine/dev/free-port.ts).
export { freePort } from '../../engine/dev/free-port';
