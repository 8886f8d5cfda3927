# A course-sized configuration pointed at `hoc cloud` the way tflocal points Terraform at
# LocalStack: one endpoint for every service, path-style S3, the banner's keys. The account
# id comes from STS GetCallerIdentity (000000000000), so ARNs carry it as on AWS.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

variable "endpoint" { type = string }
variable "access_key" { type = string }
variable "secret_key" { type = string }
variable "name" {
  type    = string
  default = "tfdemo"
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = var.access_key
  secret_key                  = var.secret_key
  s3_use_path_style           = true
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  endpoints {
    apigateway = var.endpoint
    iam        = var.endpoint
    lambda     = var.endpoint
    logs       = var.endpoint
    s3         = var.endpoint
    sfn        = var.endpoint
    sqs        = var.endpoint
    sts        = var.endpoint
  }
}

data "aws_caller_identity" "current" {}

resource "aws_iam_role" "fn" {
  name = "${var.name}-fn"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
  tags = { course = "hoc" }
}

resource "aws_iam_role_policy" "fn_queue" {
  name = "queue-access"
  role = aws_iam_role.fn.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], Resource = aws_sqs_queue.jobs.arn }]
  })
}

resource "aws_iam_role_policy_attachment" "fn_logs" {
  role       = aws_iam_role.fn.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_sqs_queue" "dead" {
  name = "${var.name}-dead"
}

resource "aws_sqs_queue" "jobs" {
  name                       = "${var.name}-jobs"
  visibility_timeout_seconds = 60
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dead.arn
    maxReceiveCount     = 3
  })
  tags = { course = "hoc" }
}

resource "aws_sqs_queue_policy" "jobs" {
  queue_url = aws_sqs_queue.jobs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "s3.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.jobs.arn
      Condition = { ArnEquals = { "aws:SourceArn" = aws_s3_bucket.uploads.arn } }
    }]
  })
}

resource "aws_s3_bucket" "uploads" {
  bucket        = "${var.name}-uploads"
  force_destroy = true
  tags          = { course = "hoc" }
}

resource "aws_s3_bucket_notification" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  queue {
    queue_arn     = aws_sqs_queue.jobs.arn
    events        = ["s3:ObjectCreated:*"]
    filter_suffix = ".jpg"
  }
  depends_on = [aws_sqs_queue_policy.jobs]
}

resource "aws_cloudwatch_log_group" "fn" {
  name              = "/aws/lambda/${var.name}-hello"
  retention_in_days = 7
  tags              = { course = "hoc" }
}

resource "aws_lambda_function" "hello" {
  function_name    = "${var.name}-hello"
  role             = aws_iam_role.fn.arn
  runtime          = "nodejs22.x"
  handler          = "index.handler"
  filename         = "${path.module}/hello.zip"
  source_code_hash = filebase64sha256("${path.module}/hello.zip")
  timeout          = 10
  environment {
    variables = { GREETING = "hello" }
  }
  depends_on = [aws_cloudwatch_log_group.fn]
}

resource "aws_lambda_function_url" "hello" {
  function_name      = aws_lambda_function.hello.function_name
  authorization_type = "NONE"
}

# Since October 2025 a public (AuthType NONE) URL needs both permissions. The provider's
# aws_lambda_function_url adds the first one itself (statement FunctionURLAllowPublicAccess,
# lambda:InvokeFunctionUrl) when authorization_type is NONE, as the console does: declaring it
# again here races that call and fails with "statement id already exists" — against AWS too
# (read in the provider's internal/service/lambda/function_url.go, 2026-12-03). Provider 5.x
# cannot add the lambda:InvokedViaFunctionUrl condition to the second one (its
# invoked_via_function_url argument came later), so it grants lambda:InvokeFunction to everyone.
resource "aws_lambda_permission" "url_invoke" {
  statement_id  = "FunctionURLInvokeAllowPublicAccess"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.hello.function_name
  principal     = "*"
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.hello.arn
  batch_size       = 5
}

resource "aws_api_gateway_rest_api" "api" {
  name = "${var.name}-api"
  tags = { course = "hoc" }
}

resource "aws_api_gateway_resource" "hello" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "hello"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.hello.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "get" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.hello.id
  http_method             = aws_api_gateway_method.get.http_method
  integration_http_method = "POST"
  type                    = "AWS_PROXY"
  uri                     = aws_lambda_function.hello.invoke_arn
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  depends_on  = [aws_api_gateway_integration.get]
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"
}

resource "aws_lambda_permission" "api" {
  statement_id  = "AllowApiGatewayInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.hello.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.api.execution_arn}/*/*"
}

resource "aws_iam_role" "sfn" {
  name = "${var.name}-sfn"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "states.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_sfn_state_machine" "flow" {
  name     = "${var.name}-flow"
  role_arn = aws_iam_role.sfn.arn
  definition = jsonencode({
    StartAt = "Hello"
    States = {
      Hello = { Type = "Task", Resource = aws_lambda_function.hello.arn, End = true }
    }
  })
  tags = { course = "hoc" }
}

output "account_id" { value = data.aws_caller_identity.current.account_id }
output "function_arn" { value = aws_lambda_function.hello.arn }
output "function_url" { value = aws_lambda_function_url.hello.function_url }
output "execution_arn" { value = aws_api_gateway_rest_api.api.execution_arn }
output "invoke_url" { value = aws_api_gateway_stage.prod.invoke_url }
output "queue_url" { value = aws_sqs_queue.jobs.url }
output "api_id" { value = aws_api_gateway_rest_api.api.id }
output "state_machine_arn" { value = aws_sfn_state_machine.flow.arn }
