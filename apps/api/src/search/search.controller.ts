import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { InboxSearchResult, MessageSearchPage } from '@satchel/contracts';
import { Allow, CurrentPrincipal, STAFF } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { SearchQueryDto } from './dto/search-query.dto';
import { SearchService } from './search.service';

@ApiTags('search')
@ApiBearerAuth()
@Controller('v1')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  /** A chat's messages containing the words, newest first, with highlighted excerpts. */
  @Allow(...STAFF, 'visitor')
  @Get('chats/:id/search')
  inChat(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: SearchQueryDto,
  ): Promise<MessageSearchPage> {
    return this.search.inChat(p, id, q);
  }

  /** Messages, visitors (name, email) and file names of the operator's account. */
  @Allow('owner', 'admin', 'operator')
  @Get('inbox/search')
  inbox(@CurrentPrincipal() p: Principal, @Query() q: SearchQueryDto): Promise<InboxSearchResult> {
    return this.search.inbox(p, q);
  }
}
