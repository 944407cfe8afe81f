import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { UploadGroupDto } from '@satchel/contracts';
import { ADMINS, Allow, CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ClientIp } from '../common/http/client-ip';
import { CreateUploadGroupDto, UpdateUploadGroupDto, UploadGroupMembersDto } from './dto/upload-group.dto';
import { UploadGroupsService } from './upload-groups.service';

@ApiTags('upload settings')
@ApiBearerAuth()
@Allow(...ADMINS)
@Controller('v1/upload-groups')
export class UploadGroupsController {
  constructor(private readonly groups: UploadGroupsService) {}

  @Get()
  list(@CurrentPrincipal() p: Principal): Promise<UploadGroupDto[]> {
    return this.groups.list(p.accountId);
  }

  @Post()
  create(
    @CurrentPrincipal() p: Principal,
    @ClientIp() ip: string | null,
    @Body() dto: CreateUploadGroupDto,
  ): Promise<UploadGroupDto> {
    return this.groups.create({ principal: p, ip }, dto);
  }

  @Patch(':id')
  update(
    @CurrentPrincipal() p: Principal,
    @ClientIp() ip: string | null,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUploadGroupDto,
  ): Promise<UploadGroupDto> {
    return this.groups.update({ principal: p, ip }, id, dto);
  }

  /** Replaces the group's members (people of this account). */
  @Put(':id/members')
  members(
    @CurrentPrincipal() p: Principal,
    @ClientIp() ip: string | null,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UploadGroupMembersDto,
  ): Promise<UploadGroupDto> {
    return this.groups.setMembers({ principal: p, ip }, id, dto.userIds);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(
    @CurrentPrincipal() p: Principal,
    @ClientIp() ip: string | null,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.groups.remove({ principal: p, ip }, id);
  }
}
