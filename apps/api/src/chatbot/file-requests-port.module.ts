import { Module } from '@nestjs/common';
import { FILE_REQUESTS } from '../chats/file-requests.port';
import { FileRequestFulfiller } from './file-request-fulfiller';
import { FileRequestsRepository } from './file-requests.repository';

/** Provides the `FILE_REQUESTS` port to chats (kept apart from ChatbotModule, which depends on chats). */
@Module({
  providers: [FileRequestsRepository, { provide: FILE_REQUESTS, useClass: FileRequestFulfiller }],
  exports: [FileRequestsRepository, FILE_REQUESTS],
})
export class FileRequestsPortModule {}
