resource "aws_sfn_state_machine" "orders" {
  name     = "orders"
  role_arn = aws_iam_role.orders.arn
  type     = "EXPRESS"

  definition = <<-EOF
    {
      "StartAt": "Charge",
      "States": {
        "Charge": {
          "Type": "Task",
          "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters": {
            "FunctionName": "${aws_lambda_function.charge.arn}",
            "Payload": {"order.$": "$"}
          },
          "Next": "Ship"
        }
      }
    }
  EOF
}
