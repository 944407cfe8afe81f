import { Global, Module } from '@nestjs/common';
import { OutboundHttpService } from './outbound-http.service';

/** The SSRF-guarded HTTP client, available to every module. */
@Global()
@Module({ providers: [OutboundHttpService], exports: [OutboundHttpService] })
export class OutboundModule {}
