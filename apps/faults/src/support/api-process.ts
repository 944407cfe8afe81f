/** The built API as `npm start` runs it, with what fault injection needs (exit promise, SIGKILL): the toolkit's. */
export {
  freePort,
  startBuiltApi as startApi,
  WORKSPACE_ROOT as ROOT,
  type BuiltApi as ApiProcess,
} from '@satchel/testing';
