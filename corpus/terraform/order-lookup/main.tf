# Two state machines: one written in a heredoc, one loaded from a file.

data "aws_caller_identity" "current" {}

resource "aws_sfn_state_machine" "lookup" {
  name     = "order-lookup"
  role_arn = aws_iam_role.sfn.arn

  definition = <<-EOF
    {
      "StartAt": "Find order",
      "States": {
        "Find order": {
          "Type": "Task",
          "Resource": "arn:aws:states:::dynamodb:getItem",
          "Parameters": {
            "TableName": "${aws_dynamodb_table.orders.name}",
            "Key": {"id": {"S.$": "$.id"}}
          },
          "ResultSelector": {"order.$": "$.Item"},
          "Next": "Notify"
        },
        "Notify": {
          "Type": "Task",
          "Resource": "arn:aws:lambda:eu-west-1:123456789012:function:notify",
          "End": true
        }
      }
    }
  EOF
}

resource "aws_sfn_state_machine" "archive" {
  name       = "order-archive"
  role_arn   = aws_iam_role.sfn.arn
  definition = file("${path.module}/archive.asl.json")
}
