import { Global, Module } from '@nestjs/common';
import { OutboundHttpService } from './outbound-http.service';
import { OutboundUrlValidator } from './outbound-url-validator';

/** The SSRF-guarded HTTP client and the same policy for URLs when they are saved, for every module. */
@Global()
@Module({
  providers: [OutboundHttpService, OutboundUrlValidator],
  exports: [OutboundHttpService, OutboundUrlValidator],
})
export class OutboundModule {}
