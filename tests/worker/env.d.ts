// Types `exports.default` from 'cloudflare:workers' as the Worker's main module.
declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import('../../worker/index.ts');
  }
}
