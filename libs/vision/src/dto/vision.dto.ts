import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { STRANDS, type Strand } from '@app/common';

export class ObjectiveDto {
  @ApiProperty({ example: 'OBJ-1' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, { message: 'code must be 1-32 letters, digits, ., _ or -' })
  code: string;

  @ApiProperty({ example: 'Identify and disrupt the highest-harm networks' })
  @IsString()
  @Length(1, 300)
  title: string;

  @ApiProperty({ enum: STRANDS, isArray: true })
  @IsIn(STRANDS, { each: true })
  @ArrayMinSize(1)
  @ArrayUnique()
  strands: Strand[];
}

export class PutVisionDto {
  @ApiProperty({ example: 'A safer Scotland, free from serious organised crime' })
  @IsString()
  @Length(1, 300)
  title: string;

  @ApiProperty({ type: [String] })
  @IsString({ each: true })
  @Length(1, 1000, { each: true })
  @ArrayMaxSize(50)
  aims: string[];

  @ApiProperty({ type: [ObjectiveDto] })
  @ValidateNested({ each: true })
  @Type(() => ObjectiveDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  objectives: ObjectiveDto[];

  @ApiPropertyOptional({ description: 'Current version, to guard against overwriting a concurrent edit' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
