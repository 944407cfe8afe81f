import request from 'supertest';
import { loginOwner, widgetKeyOf } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

describe('GET /demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('embeds the widget of the first account with one script tag, under a same-origin CSP', async () => {
    const key = await widgetKeyOf(t, await loginOwner(t));
    const res = await request(t.url).get('/demo').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain(
      `<script src="/widget/widget.js" data-widget-key="${key}" data-open="true" async></script>`,
    );
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(res.text).not.toMatch(/<script>|<style>/);
  });

  it('serves its stylesheet from the same origin', async () => {
    await request(t.url)
      .get('/demo/demo.css')
      .expect(200)
      .expect('Content-Type', /text\/css/);
  });
});
