import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';

export class OwnerDto {
  @IsString()
  @Length(1, 80)
  name!: string;

  @IsEmail()
  email!: string;
}

export class MemberDto {
  @IsEmail()
  email!: string;

  @IsIn(['admin', 'member'])
  role!: string;
}

export class CreateProjectDto {
  @IsString()
  @Length(3, 40)
  name!: string;

  @ValidateNested()
  @Type(() => OwnerDto)
  owner!: OwnerDto;

  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MemberDto)
  members?: MemberDto[];
}
