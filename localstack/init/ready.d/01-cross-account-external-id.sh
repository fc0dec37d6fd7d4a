#!/bin/bash
# Creates the world of the cross-account-external-id scenario in LocalStack, through the AWS APIs:
#   999999999999 owns the role CrossAccountS3Access (trusting 111111111111 only with the ExternalId
#   unique-external-id-12345, with AmazonS3ReadOnlyAccess) and the bucket shared-data-999;
#   111111111111 has the user dev, allowed to call sts:AssumeRole on that role.
# LocalStack picks the account from the access key id: a 12-digit id is that account.
set -euo pipefail

OWNER=999999999999
PARTNER=111111111111
ROLE=CrossAccountS3Access
BUCKET=shared-data-999
EXTERNAL_ID=unique-external-id-12345

in_account() {
  local account=$1
  shift
  AWS_ACCESS_KEY_ID=$account AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 awslocal "$@"
}

in_account "$OWNER" iam create-role --role-name "$ROLE" --assume-role-policy-document "{
  \"Version\": \"2012-10-17\",
  \"Statement\": [{
    \"Sid\": \"PartnerAccountWithExternalId\",
    \"Effect\": \"Allow\",
    \"Principal\": {\"AWS\": \"arn:aws:iam::${PARTNER}:root\"},
    \"Action\": \"sts:AssumeRole\",
    \"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"${EXTERNAL_ID}\"}}
  }]
}"
in_account "$OWNER" iam attach-role-policy --role-name "$ROLE" --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess

in_account "$OWNER" s3api create-bucket --bucket "$BUCKET"
for key in reports/q3.csv reports/q4.csv; do
  printf 'quarter,revenue\n%s,100\n' "$key" > /tmp/iamlab-object.csv
  in_account "$OWNER" s3api put-object --bucket "$BUCKET" --key "$key" --body /tmp/iamlab-object.csv
done

in_account "$PARTNER" iam create-user --user-name dev
in_account "$PARTNER" iam put-user-policy --user-name dev --policy-name AssumeThePartnerRole --policy-document "{
  \"Version\": \"2012-10-17\",
  \"Statement\": [{
    \"Effect\": \"Allow\",
    \"Action\": \"sts:AssumeRole\",
    \"Resource\": \"arn:aws:iam::${OWNER}:role/${ROLE}\"
  }]
}"

echo "iamlab: cross-account-external-id world ready (role arn:aws:iam::${OWNER}:role/${ROLE}, bucket ${BUCKET})"
