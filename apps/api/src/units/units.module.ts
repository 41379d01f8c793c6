import { Module } from '@nestjs/common';
import { PersistenceModule } from '@rectiflow/persistence';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';

@Module({
  imports: [PersistenceModule],
  controllers: [UnitsController],
  providers: [UnitsService],
  exports: [UnitsService],
})
export class UnitsModule {}
