import {
  Body,
  Controller,
  Get,
  Injectable,
  NotFoundException,
  Param,
  Post,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import type { CanActivate } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsString, MinLength, ValidateNested } from 'class-validator';

/** A signup form: `INVALID_SIGNUP` fails both fields. */
export class SignupDto {
  @IsEmail()
  email!: string;

  @IsString()
  @MinLength(8)
  password!: string;
}

/** One team member: an empty object fails both fields. */
export class MemberDto {
  @IsEmail()
  email!: string;

  @IsIn(['admin', 'member'])
  role!: string;
}

/** A team: the hostile 422 posts 100,000 empty members (issue 9). */
export class TeamDto {
  @IsString()
  name!: string;

  @ValidateNested({ each: true })
  @Type(() => MemberDto)
  members!: MemberDto[];
}

/** Rejects every request, as an API-key guard does for a bad key. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  canActivate(): boolean {
    throw new UnauthorizedException('The API key provided is invalid.');
  }
}

/**
 * The same controller in every Nest bench app: one route per error source of
 * issue 6 (the unknown route is the router's own 404).
 */
@Controller()
export class BenchController {
  @Get('items/:id')
  findItem(@Param('id') id: string): { id: string; name: string } {
    if (id === '0') throw new NotFoundException(`Item ${id} does not exist.`);
    return { id, name: 'Widget' };
  }

  @Post('signup')
  signup(@Body() dto: SignupDto): { email: string } {
    return { email: dto.email };
  }

  @Post('teams')
  createTeam(@Body() dto: TeamDto): { name: string } {
    return { name: dto.name };
  }

  @Get('boom')
  boom(): never {
    throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
  }

  @UseGuards(ApiKeyGuard)
  @Get('private')
  secret(): { secret: string } {
    return { secret: 'never reached' };
  }
}
