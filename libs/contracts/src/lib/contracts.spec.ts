import { REALTIME_EVENTS, ROLES } from '../index';

it('exposes the realtime event names and roles shared by api, console and widget', () => {
  expect(REALTIME_EVENTS.send).toBe('message:send');
  expect(ROLES).toEqual(['owner', 'admin', 'operator']);
});
