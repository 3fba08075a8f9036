import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { IsInt, IsString, MinLength } from 'class-validator';

import { AppService } from './app.service.js';

export class CreateProjectDto {
  @IsString()
  @MinLength(3)
  name: string;

  @IsInt()
  seats: number;
}

@Controller()
export class AppController {
  constructor(private readonly appService: AppService) {}

  @Get()
  getHello(): string {
    return this.appService.getHello();
  }

  @Get('projects/:id')
  findProject(@Param('id') id: string) {
    return this.appService.findProject(id);
  }

  @Post('projects')
  createProject(@Body() body: CreateProjectDto) {
    return this.appService.createProject(body);
  }
}
