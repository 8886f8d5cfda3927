// S3 for the local cloud.
export { createS3Service, S3Service } from './s3Service';
