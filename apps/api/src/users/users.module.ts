import { Module } from '@nestjs/common';
import { PersistenceModule } from '@rectiflow/persistence';
import { AuthHttpModule } from '../auth/auth-http.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [PersistenceModule, AuthHttpModule],
  controllers: [UsersController],
  providers: [UsersService],
})
export class UsersModule {}
