from prelude import *  # noqa: F403

# Bedrock knowledge base over KYC documents; vectors and source chunks (PII text) are stored in MongoDB Atlas
# named by a bare host name (cluster in Frankfurt).
aws.bedrock.AgentKnowledgeBase("kyc-kb", role_arn=role("kb", "bedrock.amazonaws.com").arn,
    knowledge_base_configuration={"type": "VECTOR", "vector_knowledge_base_configuration": {
        "embedding_model_arn": "arn:aws:bedrock:ap-southeast-3::foundation-model/amazon.titan-embed-text-v2:0"}},
    storage_configuration={"type": "MONGO_DB_ATLAS", "mongo_db_atlas_configuration": {
        "endpoint": "kyc-prod.ab1cd.mongodb.net", "database_name": "kyc", "collection_name": "chunks",
        "vector_index_name": "vec", "credentials_secret_arn": "arn:aws:secretsmanager:ap-southeast-3:111122223333:secret:atlas",
        "field_mapping": {"vector_field": "v", "text_field": "t", "metadata_field": "m"}}},
    tags={"data-class": "source-document", "collection": "onboarding"}, opts=opts())
