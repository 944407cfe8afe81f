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
  list(@CurrentPrincipal() principal: Principal): Promise<UploadGroupDto[]> {
    return this.groups.list(principal.accountId);
  }

  @Post()
  create(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Body() dto: CreateUploadGroupDto,
  ): Promise<UploadGroupDto> {
    return this.groups.create({ principal, ip }, dto);
  }

  @Patch(':id')
  update(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUploadGroupDto,
  ): Promise<UploadGroupDto> {
    return this.groups.update({ principal, ip }, id, dto);
  }

  /** Replaces the group's members (people of this account). */
  @Put(':id/members')
  members(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UploadGroupMembersDto,
  ): Promise<UploadGroupDto> {
    return this.groups.setMembers({ principal, ip }, id, dto.userIds);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.groups.remove({ principal, ip }, id);
  }
}
