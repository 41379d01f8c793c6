import { Module } from '@nestjs/common';
import { RectificationApiModule } from '@rectiflow/rectification';
import { PolicyDefaultsController } from './policy-defaults.controller';

@Module({
  imports: [RectificationApiModule],
  controllers: [PolicyDefaultsController],
})
export class PolicyDefaultsHttpModule {}
