import { readEmbedConfig } from './embed-config';

function script(attrs: Record<string, string>): HTMLScriptElement {
  const s = document.createElement('script');
  for (const [k, v] of Object.entries(attrs)) s.setAttribute(k, v);
  return s;
}

describe('readEmbedConfig', () => {
  it('takes the API origin and asset directory from the script URL', () => {
    const cfg = readEmbedConfig(
      script({ src: 'https://chat.example.com/widget/widget.js', 'data-widget-key': 'wk_1' }),
      'https://shop.test/',
    );
    expect(cfg).toEqual({
      widgetKey: 'wk_1',
      apiBase: 'https://chat.example.com',
      assetBase: 'https://chat.example.com/widget',
      open: false,
      sound: false,
      locale: null,
    });
  });

  it('reads the page language from data-locale', () => {
    const de = script({ src: '/widget/widget.js', 'data-widget-key': 'wk_4', 'data-locale': ' de ' });
    expect(readEmbedConfig(de, 'https://shop.test/')?.locale).toBe('de');
  });

  it('plays the chime only with data-sound="on"', () => {
    const on = script({ src: '/widget/widget.js', 'data-widget-key': 'wk_3', 'data-sound': 'on' });
    const other = script({ src: '/widget/widget.js', 'data-widget-key': 'wk_3', 'data-sound': 'yes' });
    expect(readEmbedConfig(on, 'https://shop.test/')?.sound).toBe(true);
    expect(readEmbedConfig(other, 'https://shop.test/')?.sound).toBe(false);
  });

  it('honours data-api-url and data-open', () => {
    const cfg = readEmbedConfig(
      script({
        src: '/widget/widget.js',
        'data-widget-key': 'wk_2',
        'data-api-url': 'https://api.example.com/x',
        'data-open': 'true',
      }),
      'https://shop.test/page',
    );
    expect(cfg?.apiBase).toBe('https://api.example.com');
    expect(cfg?.assetBase).toBe('https://shop.test/widget');
    expect(cfg?.open).toBe(true);
  });

  it('refuses a tag without a widget key', () => {
    expect(readEmbedConfig(script({ src: '/widget/widget.js' }), 'https://shop.test/')).toBeNull();
    expect(readEmbedConfig(null, 'https://shop.test/')).toBeNull();
  });
});
